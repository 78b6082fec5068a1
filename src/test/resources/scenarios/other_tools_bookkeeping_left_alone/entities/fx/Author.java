package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "author")
public class Author {
  @Id Long id;
  String name;
}
