package fx;

import jakarta.persistence.*;
import jakarta.validation.constraints.*;

/**
 * Bean Validation constraints the application's SessionFactory turns into DDL when a validator is
 * on its classpath: NOT NULL, a length, a check, a precision.
 */
@Entity
@Table(name = "member")
public class Member {
  @Id Long id;

  @NotNull String handle;

  @NotBlank String displayName;

  @NotEmpty String email;

  @Size(max = 40) String nickname;

  @Min(18) @Max(130) Integer age;

  @Digits(integer = 6, fraction = 2) java.math.BigDecimal balance;

  /** No constraint: stays nullable. */
  String bio;
}
