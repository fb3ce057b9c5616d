//! A radar chart of mastery per program, drawn as SVG by the app. The same figures are
//! listed as bars next to it, which is the chart's text alternative.

use crate::content::CURRICULUM;
use leptos::prelude::*;

const SIZE: f64 = 320.0;
const CENTER: f64 = SIZE / 2.0;
const RADIUS: f64 = 120.0;

/// Whole units of a 320-unit box: under a pixel at the size it is shown, and integers
/// format much faster than floats.
fn point(i: usize, n: usize, value: f64) -> (i32, i32) {
    let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
    (
        (CENTER + RADIUS * value * angle.cos()).round() as i32,
        (CENTER + RADIUS * value * angle.sin()).round() as i32,
    )
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
                        <line class="radar-axis" x1=CENTER as i32 y1=CENTER as i32 x2=x y2=y></line>
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
