package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "article",
    indexes = {@Index(name = "ix_article_author_slug", columnList = "author, slug")})
public class Article {
  @Id Long id;
  String slug;
  String author;
}
