CREATE TABLE team (id bigint PRIMARY KEY);
CREATE TABLE player (id bigint PRIMARY KEY, team_id bigint, name varchar(255), code varchar(255),
  CONSTRAINT player_team_ref FOREIGN KEY (team_id) REFERENCES team (id),
  CONSTRAINT unique_player_code UNIQUE (code));
CREATE INDEX player_name_lookup ON player (name);
INSERT INTO team VALUES (1);
INSERT INTO player VALUES (1, 1, 'Ada', 'A1');
