package fx;

import jakarta.persistence.*;
import java.time.Instant;

@Entity
@Table(name = "article",
    indexes = {@Index(name = "ix_article_published", columnList = "published desc"), @Index(name = "ix_article_author_slug", columnList = "author, slug")})
public class Article {
  @Id Long id;
  String slug;
  Instant published;
  String author;
}
