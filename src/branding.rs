//! Everything a deployment changes to rebrand the app: its name, colours, contact address and
//! upgrade link. Edit this one file and rebuild.

/// The product's name, in the header, titles and the installed app.
pub const PRODUCT_NAME: &str = "Storewise Academy";
/// A short line under the name on Home.
pub const TAGLINE: &str = "Know exactly what your store is missing, then learn it.";
/// Where learners write to; questions go here by default.
pub const CONTACT_EMAIL: &str = "hello@storewise.academy";
/// Where the "see plans" links on locked lessons lead.
pub const UPGRADE_URL: &str = "https://storewise.academy/plans";
/// Who runs the academy, for the footer.
pub const OPERATOR: &str = "Storewise Academy";

/// The brand colour, used for primary actions and links (light theme, dark theme).
/// Both meet 4.5:1 contrast with the themes' backgrounds.
pub const BRAND_COLOR: (&str, &str) = ("#1d4ed8", "#93b4ff");
/// The accent colour for highlights such as progress bars (light theme, dark theme).
pub const ACCENT_COLOR: (&str, &str) = ("#0f766e", "#5eead4");

/// Where learners' questions go. `None` (the default) opens a prefilled email to
/// [`CONTACT_EMAIL`]; an HTTPS address receives each question as JSON by POST, and questions
/// asked offline wait and are sent when the browser is back online. A build can set it with
/// the ACADEMY_QUESTIONS_ENDPOINT environment variable.
pub const QUESTIONS_ENDPOINT: Option<&str> = option_env!("ACADEMY_QUESTIONS_ENDPOINT");
