package fx.sec;

import jakarta.persistence.*;

@Entity
@Table(name = "profiles")
@SecondaryTable(name = "profile_details", pkJoinColumns = @PrimaryKeyJoinColumn(name = "profile_id"))
public class Profile {
  @Id Long id;
  String name;
  @Column(table = "profile_details", name = "long_text", columnDefinition = "text") String longText;
}
