package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "review")
public class Review {
  @Id Long id;
  @ManyToOne(optional = false)
  @JoinColumn(name = "book_id", foreignKey = @ForeignKey(name = "fk_review_book")) Book book;
  Integer stars;
}
