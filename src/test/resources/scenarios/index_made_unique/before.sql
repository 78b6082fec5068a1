CREATE TABLE article (id bigint PRIMARY KEY, slug varchar(255), author varchar(255));
CREATE INDEX ix_article_slug ON article (slug);
