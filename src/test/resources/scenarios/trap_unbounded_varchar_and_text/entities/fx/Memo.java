package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "memo")
public class Memo {
  @Id Long id;
  @Column(columnDefinition = "varchar") String title;
  @Column(columnDefinition = "text") String body;
}
