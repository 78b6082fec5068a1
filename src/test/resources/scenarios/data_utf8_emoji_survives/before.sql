CREATE TABLE note (id bigint PRIMARY KEY, title varchar(20) DEFAULT 'Ohne Titel ✏️', body text);
INSERT INTO note VALUES (1, 'Café ☕', 'Grüße 🚀 日本語'), (2, '🎉🎉🎉', 'ünïcödé');
