package fx;

import jakarta.persistence.*;
import java.io.Serializable;

@Embeddable
public class MembershipId implements Serializable {
  @Column(name = "club_id") Long clubId;
  @Column(name = "person_id") Long personId;
}
