package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "user")
public class User {
  @Id Long id;
  @Column(name = "order") Integer order;
  @Column(name = "`MixedCase`") String mixedCase;
  @Column(name = "group", length = 40, nullable = false) String group;
}
