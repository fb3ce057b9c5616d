//! A radar chart of mastery per program, drawn as SVG by the app. The same figures are
//! listed as bars next to it, which is the chart's text alternative.

use crate::content::CURRICULUM;
use leptos::prelude::*;

/// The drawing's box, in whole units: formatting an `f64` here (the `viewBox`) brought
/// Rust's float printing, 11 KB of wasm, into the results page's code.
const SIZE: i32 = 320;
const CENTER: f64 = SIZE as f64 / 2.0;
const RADIUS: f64 = 120.0;

/// Whole units of a 320-unit box: under a pixel at the size it is shown, and integers
/// format much faster than floats.
fn point(i: usize, n: usize, value: f64) -> (i32, i32) {
    let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
    let (cos, sin) = cos_sin(angle);
    (
        (CENTER + RADIUS * value * cos).round() as i32,
        (CENTER + RADIUS * value * sin).round() as i32,
    )
}

/// The browser's own `Math.cos` and `Math.sin`: Rust's would add 7 KB of wasm to the
/// results page's code for a dozen points.
#[cfg(target_arch = "wasm32")]
fn cos_sin(angle: f64) -> (f64, f64) {
    (js_sys::Math::cos(angle), js_sys::Math::sin(angle))
}

#[cfg(not(target_arch = "wasm32"))]
fn cos_sin(angle: f64) -> (f64, f64) {
    (angle.cos(), angle.sin())
}

fn polygon(values: &[u32]) -> String {
    let n = values.len();
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let (x, y) = point(i, n, f64::from(v.min(100)) / 100.0);
            format!("{x},{y}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Mastery per program (0-100) as a radar; `previous` draws the earlier attempt behind it.
#[component]
pub fn Radar(values: Vec<u32>, previous: Option<Vec<u32>>) -> impl IntoView {
    let n = values.len().max(3);
    let summary = format!(
        "Radar chart of mastery across {} programs, from {}% to {}%. The same figures are listed under Mastery by program.",
        values.len(),
        values.iter().min().copied().unwrap_or(0),
        values.iter().max().copied().unwrap_or(0)
    );
    view! {
        <figure class="radar">
            <svg viewBox=format!("0 0 {SIZE} {SIZE}") role="img" aria-label=summary>
                {[0.25, 0.5, 0.75, 1.0].map(|ring| view! {
                    <polygon class="radar-ring" points=polygon(&vec![(ring * 100.0) as u32; n])></polygon>
                }).collect_view()}
                {(0..n).map(|i| {
                    let (x, y) = point(i, n, 1.0);
                    let (lx, ly) = point(i, n, 1.16);
                    view! {
                        <line class="radar-axis" x1=SIZE / 2 y1=SIZE / 2 x2=x y2=y></line>
                        <text class="radar-label" x=lx y=ly text-anchor="middle" dominant-baseline="middle">{i + 1}</text>
                    }
                }).collect_view()}
                {previous.map(|p| view! { <polygon class="radar-previous" points=polygon(&p)></polygon> })}
                <polygon class="radar-area" points=polygon(&values)></polygon>
            </svg>
            <figcaption>{format!("Numbers are programs 1 to {}, as listed below.", CURRICULUM.programs.len())}</figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_program_points_up_and_the_rest_go_clockwise() {
        assert_eq!(point(0, 4, 1.0), (160, 40));
        assert_eq!(point(1, 4, 1.0), (280, 160));
        assert_eq!(point(2, 4, 0.5), (160, 220));
        assert_eq!(point(3, 4, 0.0), (160, 160));
        assert_eq!(
            polygon(&[100, 100, 100, 100]),
            "160,40 280,160 160,280 40,160"
        );
    }
}
