CREATE TABLE team (id bigint PRIMARY KEY);
CREATE TABLE player (id bigint PRIMARY KEY, team_id bigint);
