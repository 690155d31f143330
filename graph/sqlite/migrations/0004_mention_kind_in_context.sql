-- Schema version 4: a mention's kind in context (graph.Mention.KindInContext):
-- the kind the article uses a name as where it differs from its entity's,
-- such as a country standing for its national team. '' where it does not.
ALTER TABLE mentions ADD COLUMN kind_in_context TEXT NOT NULL DEFAULT '';
