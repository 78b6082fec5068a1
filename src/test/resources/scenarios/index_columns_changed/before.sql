CREATE TABLE article (id bigint PRIMARY KEY, slug varchar(255), author varchar(255));
CREATE INDEX ix_article_author ON article (author);
