//! The review screen with real playback: carries out the [`Action`]s of the pure
//! key handler and notices when the recording has played to its end.

use anyhow::Result;
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::{Action, Review, ReviewData, GROUP, KEYS};
use crate::audio::playback::Playback;
use crate::takes::find_attempt;
use crate::tui::component::{Component, Cx, Nav};
use crate::tui::keymap::HelpLine;

pub struct ReviewScreen {
    pub review: Review,
    playback: Option<Playback>,
}

impl ReviewScreen {
    pub fn new(review: Review) -> ReviewScreen {
        ReviewScreen { review, playback: None }
    }

    /// The review of take `id` from the store.
    pub fn open(cx: &Cx, id: i64) -> Result<ReviewScreen> {
        let a = find_attempt(&cx.store, Some(&id.to_string()))?;
        Ok(ReviewScreen::new(Review::new(ReviewData::load(&cx.store, &a, Some(&cx.bank))?)))
    }

    fn play(&mut self, from_s: f64) {
        let Some(path) = self.review.data.audio.clone() else { return };
        match Playback::file(&path, from_s) {
            Ok(p) => {
                self.review.playback_started(from_s, p.device());
                self.playback = Some(p);
            }
            // No output device or an unreadable file: say so and keep reviewing.
            Err(e) => self.review.playback_stopped(Some(format!("cannot play: {e:#}"))),
        }
    }
}

impl Component for ReviewScreen {
    fn draw(&self, area: Rect, buf: &mut Buffer) {
        Widget::render(&self.review, area, buf);
    }

    fn footer(&self) -> String {
        KEYS.footer(GROUP)
    }

    fn help(&self) -> Vec<HelpLine> {
        KEYS.help()
    }

    fn message(&self) -> Option<&str> {
        self.review.message()
    }

    fn on_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Result<Nav> {
        match self.review.handle_key(key) {
            Action::Back => return Ok(Nav::Back),
            Action::Quit => return Ok(Nav::Quit),
            Action::Play(from_s) => self.play(from_s),
            Action::Stop => {
                self.playback = None;
                self.review.playback_stopped(Some("stopped".into()));
            }
            Action::None => {}
        }
        Ok(Nav::Stay)
    }

    fn on_tick(&mut self, _cx: &mut Cx) -> Result<Nav> {
        if let Some(p) = &self.playback {
            if !p.is_playing() {
                let why = if p.failed() {
                    "the audio device failed while playing"
                } else {
                    "played to the end"
                };
                self.playback = None;
                self.review.playback_stopped(Some(why.into()));
            }
        }
        Ok(Nav::Stay)
    }
}
