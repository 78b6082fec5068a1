package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "person")
public class Person {
  @Id Long id;
  @Column(length = 40) String nickname;
  @Column(length = 20) String code;
}
