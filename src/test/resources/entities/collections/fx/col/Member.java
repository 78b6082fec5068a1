package fx.col;

import jakarta.persistence.*;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Entity
@Table(name = "members")
public class Member {
  @Id Long id;
  @ElementCollection Set<String> nicknames;
  @ElementCollection @CollectionTable(name = "member_phones") @OrderColumn List<Phone> phones;
  @ElementCollection Map<String, Integer> counters;
  @ManyToMany @JoinTable(name = "member_roles") Set<Role> roles;
}
