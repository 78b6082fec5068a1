package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "membership")
public class Membership {
  @EmbeddedId MembershipId id;
}
