package archfixture.adapters.rest;

/** Breaks two rules: a resource that reaches into another adapter and into MyBatis. */
public record ChattyResource(
        archfixture.adapters.persistence.AccountMapper mapper, org.apache.ibatis.session.SqlSession session) {}
