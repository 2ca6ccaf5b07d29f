//! The course's catalogue: `course/exercises.txt`, the files it names, and the chapters'
//! numbers (their positions in `book/SUMMARY.md`).

use std::path::{Path, PathBuf};

/// The metadata file, relative to the repository root.
pub const CATALOGUE: &str = "course/exercises.txt";

pub struct Chapter {
    /// The folder name under `course/starters/`, `course/solutions/` and `exercises/`.
    pub id: String,
    /// The chapter's markdown file under `book/`.
    pub book: String,
    pub title: String,
    /// Its number in the book: its position among the numbered chapters of `SUMMARY.md`.
    pub number: usize,
}

pub struct Exercise {
    pub name: String,
    pub title: String,
    pub hint: String,
    /// Index into [`Course::chapters`].
    pub chapter: usize,
    /// Its number within the chapter, from 1: the `K` of "Exercise C.K".
    pub number: usize,
}

pub struct Course {
    pub root: PathBuf,
    /// The student's tree: where `exercises/` and `.course-state` are (the root, unless
    /// `--dir` says otherwise).
    pub work: PathBuf,
    pub chapters: Vec<Chapter>,
    pub exercises: Vec<Exercise>,
}

/// Which copy of an exercise to build: the student's, the shipped starter, the solution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    Work,
    Starter,
    Solution,
}

impl Course {
    /// Reads the catalogue and `book/SUMMARY.md`; fails with a message naming the line or the
    /// file that is wrong.
    pub fn load(root: &Path) -> Result<Course, String> {
        let path = root.join(CATALOGUE);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let numbered = numbered_chapters(root)?;
        let mut course = Course {
            root: root.to_path_buf(),
            work: root.to_path_buf(),
            chapters: Vec::new(),
            exercises: Vec::new(),
        };
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let at = |msg: &str| format!("{CATALOGUE}:{}: {msg}", i + 1);
            let fields: Vec<&str> = line.splitn(3, '|').map(str::trim).collect();
            if fields.len() != 3 || fields.iter().any(|f| f.is_empty()) {
                return Err(at("expected three fields separated by `|`"));
            }
            if let Some(id) = fields[0].strip_prefix("chapter ") {
                let (id, book) = (id.trim().to_string(), fields[1].to_string());
                let number = 1 + numbered.iter().position(|b| *b == book).ok_or_else(|| {
                    at(&format!(
                        "book/{book} is not a numbered chapter of book/SUMMARY.md"
                    ))
                })?;
                if course.chapters.iter().any(|c| c.id == id) {
                    return Err(at(&format!("chapter `{id}` is listed twice")));
                }
                course.chapters.push(Chapter {
                    id,
                    book,
                    title: fields[2].to_string(),
                    number,
                });
            } else {
                let name = fields[0].to_string();
                if course.chapters.is_empty() {
                    return Err(at("an exercise before the first `chapter` line"));
                }
                if !name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                {
                    return Err(at(&format!(
                        "exercise name `{name}`: use lower-case letters, digits and `_`"
                    )));
                }
                if course.exercises.iter().any(|e| e.name == name) {
                    return Err(at(&format!("exercise `{name}` is listed twice")));
                }
                let chapter = course.chapters.len() - 1;
                let number = 1 + course
                    .exercises
                    .iter()
                    .filter(|e| e.chapter == chapter)
                    .count();
                course.exercises.push(Exercise {
                    name,
                    title: fields[1].to_string(),
                    hint: fields[2].to_string(),
                    chapter,
                    number,
                });
            }
        }
        for e in &course.exercises {
            for copy in [Which::Starter, Which::Solution] {
                let file = course.path(e, copy);
                if !file.is_file() {
                    return Err(format!(
                        "{CATALOGUE} lists `{}`, but {} does not exist",
                        e.name,
                        course.relative(&file)
                    ));
                }
            }
        }
        Ok(course)
    }

    pub fn chapter(&self, e: &Exercise) -> &Chapter {
        &self.chapters[e.chapter]
    }

    /// "1.2": the exercise's number in the book.
    pub fn number(&self, e: &Exercise) -> String {
        format!("{}.{}", self.chapter(e).number, e.number)
    }

    /// Where a copy of the exercise lives.
    pub fn path(&self, e: &Exercise, copy: Which) -> PathBuf {
        let folder = match copy {
            Which::Work => self.work.join("exercises"),
            Which::Starter => self.root.join("course/starters"),
            Which::Solution => self.root.join("course/solutions"),
        };
        folder
            .join(&self.chapter(e).id)
            .join(format!("{}.rs", e.name))
    }

    /// A path as the user should see it: relative to the repository root.
    pub fn relative(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// The exercises a command-line argument names: an exercise (`swap`), a chapter by its
    /// folder (`refcount`) or number (`ch01`, `ch1`, `1`), or everything (`None`).
    pub fn select(&self, arg: Option<&str>) -> Result<Vec<&Exercise>, String> {
        let Some(arg) = arg else {
            return Ok(self.exercises.iter().collect());
        };
        if let Some(e) = self.exercises.iter().find(|e| e.name == arg) {
            return Ok(vec![e]);
        }
        let number = arg.strip_prefix("ch").unwrap_or(arg).parse::<usize>().ok();
        if let Some(c) = self
            .chapters
            .iter()
            .position(|c| c.id == arg || Some(c.number) == number)
        {
            return Ok(self.exercises.iter().filter(|e| e.chapter == c).collect());
        }
        Err(format!(
            "no exercise or chapter is called `{arg}`.\nexercises: {}\nchapters: {}",
            self.exercises
                .iter()
                .map(|e| e.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            self.chapters
                .iter()
                .map(|c| format!("ch{:02} ({})", c.number, c.id))
                .collect::<Vec<_>>()
                .join(", "),
        ))
    }
}

/// The markdown files of the numbered chapters in `book/SUMMARY.md` (`- [Title](file.md)`),
/// in order.
pub fn numbered_chapters(root: &Path) -> Result<Vec<String>, String> {
    let path = root.join("book/SUMMARY.md");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(text
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("- ["))
        .filter_map(|l| l.split_once("](").map(|(_, rest)| rest))
        .filter_map(|rest| rest.split_once(')').map(|(file, _)| file.to_string()))
        .collect())
}

#[cfg(test)]
mod tests {
    //! The layout keeps itself right: what the catalogue lists exists, nothing exists that it
    //! does not list, and every chapter shows its exercises, numbered and in order.
    use super::*;

    fn course() -> Course {
        Course::load(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("the catalogue loads")
    }

    fn rs_files(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for chapter in std::fs::read_dir(dir).unwrap() {
            let chapter = chapter.unwrap().path();
            for file in std::fs::read_dir(&chapter).unwrap() {
                out.push(file.unwrap().path());
            }
        }
        out.sort();
        out
    }

    #[test]
    fn every_file_is_in_the_catalogue() {
        let course = course();
        for copy in [Which::Starter, Which::Solution] {
            let listed: Vec<PathBuf> = course
                .exercises
                .iter()
                .map(|e| course.path(e, copy))
                .collect();
            let folder = course.path(&course.exercises[0], copy);
            let folder = folder.parent().unwrap().parent().unwrap();
            for file in rs_files(folder) {
                assert!(
                    listed.contains(&file),
                    "{} is not listed in {CATALOGUE}",
                    course.relative(&file)
                );
            }
        }
    }

    #[test]
    fn every_starter_has_a_todo_and_no_solution_has_one() {
        let course = course();
        for e in &course.exercises {
            let read = |copy| std::fs::read_to_string(course.path(e, copy)).unwrap();
            assert!(
                read(Which::Starter).contains("todo!("),
                "{}: no todo!()",
                e.name
            );
            assert!(!read(Which::Solution).contains("todo!("), "{}", e.name);
        }
    }

    /// Each chapter has, for each of its exercises in order, a heading `### Exercise C.K:
    /// TITLE` followed by the includes of its starter and its solution, and no other
    /// exercise heading.
    #[test]
    fn chapters_show_their_exercises_numbered_in_order() {
        let course = course();
        for (c, chapter) in course.chapters.iter().enumerate() {
            let path = course.root.join("book").join(&chapter.book);
            let text = std::fs::read_to_string(&path).unwrap();
            let headings: Vec<&str> = text
                .lines()
                .filter(|l| l.starts_with("### Exercise"))
                .collect();
            let ours: Vec<&Exercise> = course.exercises.iter().filter(|e| e.chapter == c).collect();
            let expected: Vec<String> = ours
                .iter()
                .map(|e| format!("### Exercise {}: {}", course.number(e), e.title))
                .collect();
            assert_eq!(
                headings, expected,
                "exercise headings of book/{}",
                chapter.book
            );
            for (e, heading) in ours.iter().zip(&expected) {
                let section = text.split(heading.as_str()).nth(1).unwrap();
                let section = section.split("\n### ").next().unwrap();
                for copy in [Which::Starter, Which::Solution] {
                    let include = format!(
                        "```rust,ignore\n{{{{#include ../{}}}}}\n```",
                        course.relative(&course.path(e, copy))
                    );
                    assert!(
                        section.contains(&include),
                        "book/{}, exercise {}: expected\n{include}",
                        chapter.book,
                        e.name
                    );
                }
            }
        }
    }

    #[test]
    fn an_unknown_name_lists_the_valid_ones() {
        let course = course();
        let error = course.select(Some("nosuch")).err().unwrap();
        assert!(error.contains("`nosuch`"), "{error}");
        for e in &course.exercises {
            assert!(error.contains(&e.name), "{error}");
        }
        assert!(error.contains("ch01"), "{error}");
    }

    #[test]
    fn chapters_are_selected_by_folder_or_number() {
        let course = course();
        let first: Vec<&str> = course
            .exercises
            .iter()
            .filter(|e| e.chapter == 0)
            .map(|e| e.name.as_str())
            .collect();
        for arg in ["ch01", "ch1", "1", course.chapters[0].id.as_str()] {
            let names: Vec<&str> = course
                .select(Some(arg))
                .unwrap()
                .iter()
                .map(|e| e.name.as_str())
                .collect();
            assert_eq!(names, first, "{arg}");
        }
        assert_eq!(course.select(None).unwrap().len(), course.exercises.len());
    }
}
