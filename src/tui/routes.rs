//! Opening a screen from a [`Route`].

use anyhow::Result;

use super::compare::CompareScreen;
use super::component::{Component, Cx, Route};
use super::drill::DrillScreen;
use super::home::Home;
use super::mock_loop::LoopScreen;
use super::practice::PracticeScreen;
use super::progress::ProgressScreen;
use super::review::ReviewScreen;
use super::stories::StoriesScreen;
use super::takes::TakesScreen;

pub fn open(route: &Route, cx: &mut Cx) -> Result<Box<dyn Component>> {
    Ok(match route {
        Route::Home => Box::new(Home::open(cx)?),
        Route::Practice { choice, start } => Box::new(PracticeScreen::open(cx, choice, *start)?),
        Route::Takes(then) => Box::new(TakesScreen::open(cx, *then)?),
        Route::Review(id) => Box::new(ReviewScreen::open(cx, *id)?),
        Route::Drill(target) => Box::new(DrillScreen::open(cx, target.clone())?),
        Route::Compare { before, after } => Box::new(CompareScreen::open(cx, *before, *after)?),
        Route::Progress => Box::new(ProgressScreen::open(cx)?),
        Route::Stories => Box::new(StoriesScreen::open(cx)?),
        Route::Loop(start) => Box::new(LoopScreen::open(cx, start)?),
    })
}
