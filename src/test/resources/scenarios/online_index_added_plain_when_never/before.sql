CREATE TABLE article (id bigint PRIMARY KEY, slug varchar(255), author varchar(255));
INSERT INTO article SELECT g, 'slug-' || g, 'author-' || (g % 7) FROM generate_series(1, 500) g;
ANALYZE article;
