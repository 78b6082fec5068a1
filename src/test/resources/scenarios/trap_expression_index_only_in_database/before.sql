CREATE TABLE article (id bigint PRIMARY KEY, title varchar(255), tags text[]);
CREATE INDEX ix_article_title_lower ON article (lower(title));
CREATE INDEX ix_article_tags ON article USING gin (tags);
