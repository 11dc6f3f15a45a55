//! The review screen with real playback: carries out the [`Action`]s of the pure
//! key handler and notices when the recording has played to its end.

use anyhow::Result;
use crossterm::event::KeyEvent;
use ratatui::Frame;

use super::{Action, Review};
use crate::audio::playback::Playback;
use crate::tui::screen_loop::Screen;

pub struct ReviewScreen {
    pub review: Review,
    playback: Option<Playback>,
}

impl ReviewScreen {
    pub fn new(review: Review) -> ReviewScreen {
        ReviewScreen { review, playback: None }
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

impl Screen for ReviewScreen {
    fn draw(&self, frame: &mut Frame) {
        frame.render_widget(&self.review, frame.area());
    }

    fn on_key(&mut self, key: KeyEvent) -> Result<bool> {
        match self.review.handle_key(key) {
            Action::Quit => return Ok(false),
            Action::Play(from_s) => self.play(from_s),
            Action::Stop => {
                self.playback = None;
                self.review.playback_stopped(Some("stopped".into()));
            }
            Action::None => {}
        }
        Ok(true)
    }

    fn on_tick(&mut self) -> Result<()> {
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
        Ok(())
    }
}
