package fx;

import jakarta.persistence.*;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;

@Entity
@Table(name = "owner")
public class Owner {
  @Id @GeneratedValue Long id;

  /** NOT NULL and varchar(30) come from Bean Validation, as the application's validator says. */
  @Column(name = "first_name")
  @NotBlank
  @Size(max = 30)
  String firstName;

  @Column(name = "last_name")
  @NotEmpty
  @Size(max = 30)
  String lastName;

  @Size(max = 80)
  String city;

  @ElementCollection
  @CollectionTable(name = "owner_tags", joinColumns = @JoinColumn(name = "owner_id"))
  Set<String> tags;
}
