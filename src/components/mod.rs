//! Small reusable views.

pub mod badges;
pub mod body;
pub mod continue_bar;
pub mod disclosure;
pub mod footer;
pub mod header;
pub mod later;
pub mod link;
pub mod load_error;
pub mod notices;
pub mod radar;
pub mod search;
pub mod theme;
pub mod update;
