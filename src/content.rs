//! The curriculum, compiled from `content/` by the build script into static data.

include!(concat!(env!("OUT_DIR"), "/curriculum.rs"));
