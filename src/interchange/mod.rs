//! Tables as offices already keep them: the published tab-separated table.

pub mod tsv;
