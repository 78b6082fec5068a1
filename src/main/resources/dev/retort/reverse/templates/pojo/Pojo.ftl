<#-- Retort's override of Hibernate Tools' Pojo.ftl: no generation date (the same database gives
     the same bytes) and no constructors beyond the one JPA needs. -->
${pojo.getPackageDeclaration()}

<#assign classbody>
<#include "PojoTypeDeclaration.ftl"/>
${[pojo.getClassModifiers(), pojo.getDeclarationType(), pojo.getDeclarationName(), pojo.getExtendsDeclaration()?trim, pojo.getImplementsDeclaration()?trim]?filter(part -> part?has_content)?join(" ")} {

<#include "PojoFields.ftl"/>

    public ${pojo.getDeclarationName()}() {
    }
<#include "PojoPropertyAccessors.ftl"/>
<#include "PojoEqualsHashcode.ftl"/>
}
</#assign>
${pojo.generateImports()}
${classbody}
