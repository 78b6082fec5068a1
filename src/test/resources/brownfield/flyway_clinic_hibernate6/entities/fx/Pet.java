package fx;

import jakarta.persistence.*;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

@Entity
@Table(name = "pet")
public class Pet {
  @Id @GeneratedValue Long id;

  @Version int version;

  @NotBlank
  @Size(max = 30)
  String name;

  @Column(name = "birth_date")
  LocalDate birthDate;

  @ManyToOne
  @JoinColumn(name = "owner_id")
  Owner owner;
}
