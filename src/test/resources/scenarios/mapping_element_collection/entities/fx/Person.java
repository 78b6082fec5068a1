package fx;

import jakarta.persistence.*;
import java.util.List;

@Entity
@Table(name = "person")
public class Person {
  @Id Long id;
  String name;
  @ElementCollection
  @CollectionTable(name = "person_nickname",
      joinColumns = @JoinColumn(name = "person_id", foreignKey = @ForeignKey(name = "fk_person_nickname_person")))
  @OrderColumn(name = "position")
  @Column(name = "nickname", length = 80, nullable = false)
  List<String> nicknames;
}
