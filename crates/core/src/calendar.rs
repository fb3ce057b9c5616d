//! The roadmap as an iCalendar file (RFC 5545) that common calendar apps import: one
//! evening study block per remaining lesson, in the learner's own time zone.

use crate::curriculum::Curriculum;
use crate::date::Day;
use crate::roadmap::Roadmap;

/// Escapes text for an iCalendar value.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a character, as the format requires.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for ch in line.chars() {
        if width + ch.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += ch.len_utf8();
    }
    out.push_str("\r\n");
}

/// The calendar: lessons of week `w` start on `start + 7w`, one per day, at 19:00.
/// `link` makes the address of a lesson from its number.
pub fn to_ics(
    c: &Curriculum,
    roadmap: &Roadmap,
    start: Day,
    product: &str,
    link: impl Fn(&str) -> String,
) -> String {
    let mut out = String::new();
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, "VERSION:2.0");
    push_line(
        &mut out,
        &format!("PRODID:-//{}//Roadmap//EN", escape(product)),
    );
    push_line(&mut out, "CALSCALE:GREGORIAN");
    push_line(
        &mut out,
        &format!("X-WR-CALNAME:{}", escape(&format!("{product} roadmap"))),
    );
    let mut last_week = None;
    let mut in_week = 0i64;
    for item in &roadmap.items {
        let Some(week) = item.week else { continue };
        if last_week != Some(week) {
            last_week = Some(week);
            in_week = 0;
        }
        let day = start.plus_days(i64::from(week) * 7 + in_week.min(6));
        in_week += 1;
        let lesson = c.lesson(item.lesson);
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(
            &mut out,
            &format!(
                "UID:{}-{}@{}",
                lesson.id,
                start.compact(),
                // ASCII lowering is enough for an id that only has to stay the same, and
                // Unicode's would bring its case tables into the roadmap's code.
                escape(&product.to_ascii_lowercase().replace(' ', "-"))
            ),
        );
        push_line(&mut out, &format!("DTSTAMP:{}T000000Z", start.compact()));
        push_line(&mut out, &format!("DTSTART:{}T190000", day.compact()));
        push_line(&mut out, &format!("DURATION:PT{}M", lesson.minutes));
        push_line(
            &mut out,
            &format!(
                "SUMMARY:{}",
                escape(&format!("Lesson {} {}", lesson.number, lesson.title))
            ),
        );
        push_line(
            &mut out,
            &format!(
                "DESCRIPTION:{}",
                escape(&format!("{}\n{}", lesson.summary, link(lesson.number)))
            ),
        );
        push_line(&mut out, &format!("URL:{}", link(lesson.number)));
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_within_75_octets() {
        let mut out = String::new();
        push_line(&mut out, &format!("SUMMARY:{}", "é".repeat(100)));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
