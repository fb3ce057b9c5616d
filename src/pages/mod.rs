//! One file per route.

pub mod about;
pub mod curriculum;
pub mod diagnostic;
pub mod embed;
pub mod home;
pub mod lesson;
pub mod not_found;
pub mod results;
pub mod roadmap;
pub mod saved;
pub mod settings;
