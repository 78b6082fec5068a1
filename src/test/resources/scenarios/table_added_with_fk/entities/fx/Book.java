package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "book", indexes = @Index(name = "ix_book_author", columnList = "author_id"))
public class Book {
  @Id Long id;
  @Column(nullable = false, length = 300) String title;
  @ManyToOne(optional = false)
  @JoinColumn(name = "author_id", foreignKey = @ForeignKey(name = "fk_book_author")) Author author;
}
