-- Another tool made the composite key (order_id, line_no); Hibernate orders it (line_no, order_id).
CREATE TABLE order_line (
  order_id bigint NOT NULL,
  line_no integer NOT NULL,
  quantity integer,
  PRIMARY KEY (order_id, line_no)
);
INSERT INTO order_line VALUES (1, 1, 3);
