//! Ratings counted for a year's summary: per division and per organisation, by the marks of the
//! documents' scales. The documents of one year may rate by different scales; their grades are
//! joined, in the order first met, so that one table can hold them all.

use hyoka_core::model::{Document, Section};

/// A grade as the summaries head it: its mark and its words.
pub(super) type Grade = (String, String);

/// How many sections got each grade (in the order of the grades), none, and in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Tally {
    pub by_grade: Vec<usize>,
    pub unrated: usize,
    pub sections: usize,
}

impl Tally {
    pub fn add(&mut self, other: &Tally) {
        self.by_grade.resize(self.by_grade.len().max(other.by_grade.len()), 0);
        for (sum, n) in self.by_grade.iter_mut().zip(&other.by_grade) {
            *sum += n;
        }
        self.unrated += other.unrated;
        self.sections += other.sections;
    }
}

/// Every grade of the documents' scales, once, best first as each scale gives them.
pub(super) fn grades_of<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Vec<Grade> {
    let mut grades: Vec<Grade> = Vec::new();
    for doc in docs {
        for grade in doc.scale().iter() {
            let grade = (grade.mark.clone(), grade.label.clone());
            if !grades.contains(&grade) {
                grades.push(grade);
            }
        }
    }
    grades
}

/// The sections' own marks counted on `grades`; a mark not on the document's scale counts as none.
pub(super) fn tally<'a>(grades: &[Grade], doc: &Document, sections: impl IntoIterator<Item = &'a Section>) -> Tally {
    let mut tally = Tally { by_grade: vec![0; grades.len()], ..Tally::default() };
    for section in sections {
        tally.sections += 1;
        let grade = section.rating.as_deref().and_then(|mark| doc.grade(mark));
        let at = grade.and_then(|g| grades.iter().position(|(mark, label)| *mark == g.mark && *label == g.label));
        match at.and_then(|i| tally.by_grade.get_mut(i)) {
            Some(n) => *n += 1,
            None => tally.unrated += 1,
        }
    }
    tally
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyoka_core::model::{Division, Grade as ScaleGrade};

    fn doc(scale: Option<Vec<ScaleGrade>>, ratings: &[Option<&str>]) -> Document {
        let sections = ratings.iter().map(|r| Section { rating: r.map(str::to_owned), ..Section::new("課") }).collect();
        Document {
            scale,
            divisions: vec![Division { name: "部".into(), sections }],
            ..Document::new("北山市役所", 2008)
        }
    }

    #[test]
    fn marks_are_counted_on_the_joined_scales() {
        let three = vec![
            ScaleGrade { mark: "A".into(), label: "よい".into() },
            ScaleGrade { mark: "B".into(), label: "ふつう".into() },
        ];
        let seed = doc(None, &[Some("◎"), Some("◎"), None, Some("×")]);
        let other = doc(Some(three), &[Some("B"), Some("◎")]);
        let grades = grades_of([&seed, &other]);
        let marks: Vec<&str> = grades.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(marks, ["◎", "○", "△", "×", "A", "B"]);
        let first = tally(&grades, &seed, seed.divisions.iter().flat_map(|d| &d.sections));
        assert_eq!((first.by_grade.clone(), first.unrated, first.sections), (vec![2, 0, 0, 1, 0, 0], 1, 4));
        let second = tally(&grades, &other, other.divisions.iter().flat_map(|d| &d.sections));
        assert_eq!((second.by_grade.clone(), second.unrated), (vec![0, 0, 0, 0, 0, 1], 1), "◎ is not on its scale");
        let mut sum = first;
        sum.add(&second);
        assert_eq!((sum.by_grade, sum.unrated, sum.sections), (vec![2, 0, 0, 1, 0, 1], 2, 6));
    }
}
