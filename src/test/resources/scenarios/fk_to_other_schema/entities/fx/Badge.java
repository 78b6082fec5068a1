package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "badge")
public class Badge {
  @Id Long id;
  @ManyToOne @JoinColumn(name = "department_id", foreignKey = @ForeignKey(name = "fk_badge_department")) Department department;
}
