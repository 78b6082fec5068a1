package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "article")
public class Article {
  @Id Long id;
  String slug;
  String author;
}
