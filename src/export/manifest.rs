//! `imsmanifest.xml` for SCORM 1.2 and SCORM 2004 4th edition: one organization, one SCO (the
//! launch page) whose `<file>` list names every file of the package. Valid against the ADL
//! schemas (`tests/scorm.rs` checks with `xmllint --schema`).

use crate::config::ScormVersion;

/// What the manifest says about a package.
#[derive(Debug, Clone)]
pub struct Info<'a> {
    /// The manifest's identifier (an XML name: letters, digits, `-`, `_`, `.`).
    pub identifier: &'a str,
    /// The course title the LMS shows.
    pub title: &'a str,
    /// The launch file, relative to the package root.
    pub launch: &'a str,
    /// The percentage that passes (SCORM 1.2 `adlcp:masteryscore`), if any.
    pub mastery: Option<u32>,
    /// Every file of the package except the manifest itself, in order.
    pub files: &'a [String],
}

/// The manifest's text for `version`.
pub fn write(version: ScormVersion, info: &Info) -> String {
    let title = escape(info.title);
    let id = xml_name(info.identifier);
    let mut files = String::new();
    for f in info.files {
        files.push_str(&format!("      <file href=\"{}\"/>\n", escape(&href(f))));
    }
    let launch = escape(&href(info.launch));
    match version {
        ScormVersion::V12 => {
            let mastery = info
                .mastery
                .map(|m| format!("        <adlcp:masteryscore>{m}</adlcp:masteryscore>\n"))
                .unwrap_or_default();
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{id}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-1">
    <organization identifier="org-1">
      <title>{title}</title>
      <item identifier="item-1" identifierref="sco-1" isvisible="true">
        <title>{title}</title>
{mastery}      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-1" type="webcontent" adlcp:scormtype="sco" href="{launch}">
{files}    </resource>
  </resources>
</manifest>
"#
            )
        }
        ScormVersion::V2004 => format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{id}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org-1">
    <organization identifier="org-1">
      <title>{title}</title>
      <item identifier="item-1" identifierref="sco-1" isvisible="true">
        <title>{title}</title>
        <imsss:sequencing>
          <imsss:deliveryControls tracked="true" completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-1" type="webcontent" adlcp:scormType="sco" href="{launch}">
{files}    </resource>
  </resources>
</manifest>
"#
        ),
    }
}

/// Text for XML character data and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A package path as a relative URI: every byte outside the unreserved set and `/`
/// percent-encoded (spaces, non-ASCII letters).
pub fn href(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An XML name (`xsd:ID`) made from `id`: other characters become `-`, and it starts with a
/// letter.
fn xml_name(id: &str) -> String {
    let clean: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("handbook-{clean}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_every_file_and_escapes() {
        let files = vec!["index.html".to_string(), "a b/ü.png".to_string()];
        let info = Info {
            identifier: "my id",
            title: "Tom & \"Jerry\" <1>",
            launch: "scorm-launch.html",
            mastery: Some(80),
            files: &files,
        };
        let m12 = write(ScormVersion::V12, &info);
        assert!(m12.contains(r#"identifier="handbook-my-id""#));
        assert!(m12.contains("<title>Tom &amp; &quot;Jerry&quot; &lt;1&gt;</title>"));
        assert!(m12.contains(r#"<file href="a%20b/%C3%BC.png"/>"#));
        assert!(m12.contains("<adlcp:masteryscore>80</adlcp:masteryscore>"));
        assert!(m12.contains("<schemaversion>1.2</schemaversion>"));
        let m04 = write(ScormVersion::V2004, &info);
        assert!(m04.contains("<schemaversion>2004 4th Edition</schemaversion>"));
        assert!(m04.contains(r#"adlcp:scormType="sco" href="scorm-launch.html""#));
        assert_eq!(m04.matches("<file ").count(), 2);
    }
}
