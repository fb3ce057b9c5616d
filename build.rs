//! Compiles the curriculum in `content/` into static Rust data. An inconsistent curriculum
//! stops the build with one line per problem, naming the file.

use std::path::PathBuf;

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let content = root.join("content");
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-env-changed=ACADEMY_CONTENT");
    let dir = std::env::var_os("ACADEMY_CONTENT")
        .map(PathBuf::from)
        .unwrap_or(content);
    match academy_content::load(&dir, academy_content::Rules::default()) {
        Ok(curriculum) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
            std::fs::write(out.join("curriculum.rs"), curriculum.to_rust())
                .expect("OUT_DIR is writable");
        }
        Err(problems) => {
            println!("cargo::error=The curriculum in content/ has {} problem(s); fix them and build again:", problems.len());
            for problem in problems {
                println!("cargo::error={problem}");
            }
            std::process::exit(1);
        }
    }
}
