//! Small reusable views.

pub mod badges;
pub mod body;
pub mod footer;
pub mod header;
pub mod radar;
pub mod theme;
