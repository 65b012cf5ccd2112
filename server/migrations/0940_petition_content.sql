-- The first of the five clear items is called `content` everywhere: in the API (assign's
-- `content`, the view's clearItems.content), in the interface and now in the table.
ALTER TABLE petitions RENAME COLUMN task TO content;
