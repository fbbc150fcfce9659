-- A field visit's proposal may revise a published article instead of adding one; publishing it retires the old.
alter table knowledge_article add column updates_article uuid references knowledge_article (id);
