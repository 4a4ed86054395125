//! `unlsp.toml`, the project file read by both the CLI and the server: found
//! ([`find`]), read ([`load`]) and parsed here, the one place that knows its
//! name. An invalid file (bad TOML, an unknown rule, an invalid glob) gives a
//! message naming what is wrong, and the callers go on with defaults.

use crate::Severity;
use crate::config::{Config, Silence};
use globset::{Glob, GlobMatcher, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The project file's name.
pub(crate) const FILE_NAME: &str = "unlsp.toml";

/// The project file in `start` (a folder or a file's folder) or the nearest
/// ancestor that has one.
pub fn find(start: &Path) -> Option<PathBuf> {
    let abs = std::fs::canonicalize(start).ok()?;
    let first = if abs.is_dir() {
        Some(abs.as_path())
    } else {
        abs.parent()
    };
    first?
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|f| f.is_file())
}

/// The project around `start`: its root folder and its parsed file, or
/// `None` outside any project.
pub fn discover(start: &Path) -> Option<(PathBuf, Result<ProjectConfig, String>)> {
    let root = find(start)?.parent()?.to_path_buf();
    let cfg = load(&root).and_then(|c| c.ok_or_else(|| format!("{FILE_NAME}: not found")));
    Some((root, cfg))
}

/// The project file of the folder `root`: `Ok(None)` when there is none,
/// `Err` naming the line or the glob when it is invalid.
pub fn load(root: &Path) -> Result<Option<ProjectConfig>, String> {
    let f = root.join(FILE_NAME);
    match std::fs::read_to_string(&f) {
        Ok(s) => ProjectConfig::parse(&s).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}", f.display())),
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectConfig {
    /// `auto` or a language code.
    #[serde(default)]
    pub language: Option<String>,
    /// Globs (relative to the project root) of files not to check.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Rule id → `error` | `warning` | `information` | `hint` | `off`.
    #[serde(default)]
    pub rules: HashMap<String, String>,
    /// Delay before diagnostics are computed after an edit (server).
    #[serde(default, alias = "debounceMs")]
    pub debounce_ms: Option<u64>,
    /// Documents larger than this get structure only (server), in bytes.
    #[serde(default, alias = "maxFileSize")]
    pub max_file_size: Option<u64>,
    /// Silence one rule in one file, optionally for one paragraph.
    #[serde(default)]
    pub silence: Vec<SilenceEntry>,
    /// Folders of earlier resolutions to cite from (relative to the project
    /// root or absolute, `~` expanded), indexed read-only and cached on disk.
    #[serde(default, alias = "referenceFolders")]
    pub reference_folders: Vec<String>,
    /// Files of the Secretariat's records (one JSON object a line, the format of
    /// `akn-data-extract`) merged over the bundled catalogue: records newer than the
    /// release, read by `lookup`, the hover and the checks.
    #[serde(default, alias = "catalogueRecords")]
    pub catalogue_records: Vec<String>,
    /// The globs above, compiled once when the file is parsed.
    #[serde(skip)]
    globs: Globs,
}

/// `exclude` as one set, and each `silence` entry's file pattern.
#[derive(Debug, Clone, Default)]
struct Globs {
    exclude: GlobSet,
    silence: Vec<Option<GlobMatcher>>,
}

/// Compiled from the patterns, which the derived comparison already compares.
impl PartialEq for Globs {
    fn eq(&self, _: &Globs) -> bool {
        true
    }
}

impl Globs {
    fn compile(exclude: &[String], silence: &[SilenceEntry]) -> Result<Globs, String> {
        let invalid = |what: &str, g: &str, e: globset::Error| {
            format!("unlsp.toml: {what}: invalid glob `{g}`: {}", e.kind())
        };
        let mut set = GlobSetBuilder::new();
        for g in exclude {
            set.add(Glob::new(g).map_err(|e| invalid("exclude", g, e))?);
        }
        let exclude = set.build().map_err(|e| invalid("exclude", "", e))?;
        let silence = silence
            .iter()
            .map(|s| match Glob::new(&s.file) {
                Ok(g) => Ok(Some(g.compile_matcher())),
                // a plain file name with glob characters is matched as written
                Err(_) if !s.file.contains(['*', '?', '[', '{']) => Ok(None),
                Err(e) => Err(invalid("silence file", &s.file, e)),
            })
            .collect::<Result<_, _>>()?;
        Ok(Globs { exclude, silence })
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SilenceEntry {
    pub file: String,
    pub rule: String,
    #[serde(default)]
    pub paragraph: Option<String>,
}

impl ProjectConfig {
    pub fn parse(src: &str) -> Result<ProjectConfig, String> {
        let mut cfg: ProjectConfig = toml::from_str(src).map_err(|e| {
            let line = e
                .span()
                .map(|s| src[..s.start.min(src.len())].lines().count().max(1));
            match line {
                Some(l) => format!("unlsp.toml line {l}: {}", e.message()),
                None => format!("unlsp.toml: {}", e.message()),
            }
        })?;
        for (id, sev) in &cfg.rules {
            if !crate::is_code(id) {
                return Err(format!("unlsp.toml: unknown rule `{id}` in [rules]"));
            }
            if sev != "off" && Severity::parse(sev).is_none() {
                return Err(format!(
                    "unlsp.toml: rule {id}: `{sev}` is not error, warning, information, hint or off"
                ));
            }
        }
        cfg.globs = Globs::compile(&cfg.exclude, &cfg.silence)?;
        Ok(cfg)
    }

    /// The rule configuration for one file (`rel_path` relative to the root).
    pub fn rule_config(&self, rel_path: Option<&str>) -> Config {
        let mut c = Config::default();
        for (id, sev) in &self.rules {
            let id = crate::rule(id)
                .map(|r| r.id)
                .or_else(|| crate::parallel_code(id).map(|k| k.code()))
                .map_or(id.clone(), str::to_string);
            c.overrides.insert(id, Severity::parse(sev));
        }
        if let Some(p) = rel_path {
            for (i, s) in self.silence.iter().enumerate() {
                let glob = self.globs.silence.get(i).and_then(Option::as_ref);
                let matches = glob.is_some_and(|g| g.is_match(p)) || s.file == p;
                if matches {
                    c.silenced.push(Silence {
                        rule: s.rule.clone(),
                        paragraph: s.paragraph.clone(),
                    });
                }
            }
        }
        c
    }

    /// The reference folders as absolute paths (`root`: the project root).
    pub fn reference_folders(&self, root: Option<&std::path::Path>) -> Vec<std::path::PathBuf> {
        let mut v: Vec<std::path::PathBuf> = Vec::new();
        for f in &self.reference_folders {
            let p = unlsp_index::reference::resolve_folder(f, root);
            if !v.contains(&p) {
                v.push(p);
            }
        }
        v
    }

    /// The `catalogue_records` files as absolute paths, in order (`root`: the project root).
    pub fn catalogue_records(&self, root: Option<&std::path::Path>) -> Vec<std::path::PathBuf> {
        self.catalogue_records
            .iter()
            .map(|f| unlsp_index::reference::resolve_folder(f, root))
            .collect()
    }

    /// Make the bundled catalogue with this project's `catalogue_records` merged over it
    /// the one every lookup and check reads (none: the bundled one); an error names the
    /// file, and the catalogue stays as it was.
    pub fn install_catalogue_records(
        &self,
        root: Option<&std::path::Path>,
    ) -> Result<unlsp_index::records::Installed, String> {
        unlsp_index::records::install(&self.catalogue_records(root))
            .map_err(|e| format!("{FILE_NAME}: catalogue_records: {e}"))
    }

    pub fn is_excluded(&self, rel_path: &str) -> bool {
        self.globs.exclude.is_match(rel_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_toml_names_the_line() {
        let e = ProjectConfig::parse("language = \"en\"\n[rules]\nUN010 = warning\n").unwrap_err();
        assert!(e.contains("line 3"), "{e}");
    }

    #[test]
    fn severities_and_silences() {
        let p = ProjectConfig::parse("[rules]\nUN010 = \"off\"\nUN006 = \"error\"\n[[silence]]\nfile = \"drafts/*.txt\"\nrule = \"UN008\"\n").unwrap();
        let c = p.rule_config(Some("drafts/a.txt"));
        assert_eq!(c.overrides["UN010"], None);
        assert_eq!(c.overrides["UN006"], Some(Severity::Error));
        assert_eq!(c.silenced.len(), 1);
        assert!(ProjectConfig::parse("[rules]\nUN999 = \"off\"\n").is_err());
    }

    #[test]
    fn the_parallel_version_codes_are_in_the_registry() {
        let p = ProjectConfig::parse("[rules]\nUNP01 = \"off\"\nunp09 = \"warning\"\n").unwrap();
        assert_eq!(p.rules.len(), 2);
        assert!(ProjectConfig::parse("[rules]\nUNP99 = \"off\"\n").is_err());
        let pats = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            Config::unknown_pattern(&pats(&["UNP03", "UNP", "UN01"])),
            None
        );
        assert_eq!(
            Config::unknown_pattern(&pats(&["UNP1"])).map(str::to_string),
            Some("UNP1".into())
        );
        assert!(crate::parallel_code("unp05").is_some());
        // and they set how each difference is reported
        use crate::parallel::DiffKind;
        let cfg = p.rule_config(None);
        assert_eq!(cfg.parallel_severity(DiffKind::MissingParagraph), None);
        assert_eq!(
            cfg.parallel_severity(DiffKind::Footnotes),
            Some(Severity::Warning)
        );
        assert_eq!(
            cfg.parallel_severity(DiffKind::Dates),
            Some(Severity::Information)
        );
        let only = Config {
            select: pats(&["UNP07"]),
            ..Config::default()
        };
        assert!(only.parallel_severity(DiffKind::Footnotes).is_none());
        assert!(only.parallel_severity(DiffKind::Dates).is_some());
    }

    #[test]
    fn globs_are_compiled_once_and_invalid_ones_reported() {
        let p = ProjectConfig::parse("exclude = [\"old/**\", \"*.bak.txt\"]\n[[silence]]\nfile = \"drafts/*.txt\"\nrule = \"UN008\"\n").unwrap();
        assert!(p.is_excluded("old/a/b.txt"));
        assert!(p.is_excluded("x.bak.txt"));
        assert!(!p.is_excluded("new/a.txt"));
        assert_eq!(p.rule_config(Some("drafts/a.txt")).silenced.len(), 1);
        assert_eq!(p.rule_config(Some("other/a.txt")).silenced.len(), 0);
        let e = ProjectConfig::parse("exclude = [\"drafts/[a\"]\n").unwrap_err();
        assert!(e.contains("exclude") && e.contains("drafts/[a"), "{e}");
        let e =
            ProjectConfig::parse("[[silence]]\nfile = \"a/{b\"\nrule = \"UN008\"\n").unwrap_err();
        assert!(e.contains("silence") && e.contains("a/{b"), "{e}");
    }

    #[test]
    fn the_project_file_is_found_in_an_ancestor() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "language = \"fr\"\n").unwrap();
        std::fs::write(dir.path().join("a/b/x.txt"), "").unwrap();
        let found = find(&dir.path().join("a/b/x.txt")).unwrap();
        assert_eq!(found, dir.path().canonicalize().unwrap().join(FILE_NAME));
        let cfg = load(found.parent().unwrap()).unwrap().unwrap();
        assert_eq!(cfg.language.as_deref(), Some("fr"));
        assert_eq!(load(&dir.path().join("a")).unwrap(), None);
    }

    #[test]
    fn reference_folders_resolve_against_the_root() {
        let p =
            ProjectConfig::parse("reference_folders = [\"refs\", \"/abs/x\", \"refs\"]\n").unwrap();
        let v = p.reference_folders(Some(std::path::Path::new("/proj")));
        assert_eq!(
            v,
            vec![
                std::path::PathBuf::from("/proj/refs"),
                std::path::PathBuf::from("/abs/x")
            ]
        );
        assert!(ProjectConfig::parse("reference_folder = [\"x\"]\n").is_err());
    }
}
