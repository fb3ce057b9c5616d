//! Compiles the curriculum in `content/` into Rust naming the files that ship beside the app:
//! the packed curriculum and lesson details, the lesson texts, the sealed masterclasses and
//! the search index. An inconsistent curriculum stops the build with one line per problem,
//! naming the file.

use std::path::PathBuf;

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-env-changed=ACADEMY_CONTENT");
    println!("cargo::rerun-if-env-changed=ACADEMY_SECRET");
    let dir = std::env::var_os("ACADEMY_CONTENT")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("content"));
    let secret = match academy_content::Secret::from_env() {
        Ok(secret) => secret,
        Err(problem) => {
            println!("cargo::error={problem}");
            std::process::exit(1);
        }
    };
    if secret.development {
        println!(
            "cargo::warning=ACADEMY_SECRET is not set: locked masterclasses are sealed with the development secret. \
             Set it for a production build (README, Access plans)."
        );
    }
    match academy_content::load(&dir, academy_content::Rules::default()) {
        Ok(curriculum) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
            // The files the source names are written into the built site by the Trunk hook
            // (`curriculum emit`), from the same content and secret. The packed curriculum
            // and details are also kept here for the browser tests, which cannot fetch them.
            let (source, files) = curriculum.to_rust(&secret);
            std::fs::write(out.join("curriculum.rs"), source).expect("OUT_DIR is writable");
            for stem in ["curriculum", "details"] {
                let (_, packed) = files
                    .iter()
                    .find(|(name, _)| name.starts_with(&format!("content/{stem}.")))
                    .expect("the compiler writes both packed files");
                std::fs::write(out.join(format!("{stem}.bin")), packed)
                    .expect("OUT_DIR is writable");
            }
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
