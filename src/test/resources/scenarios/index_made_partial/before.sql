CREATE TABLE article (id bigint PRIMARY KEY, slug varchar(255), draft boolean);
CREATE INDEX ix_article_slug ON article (slug);
