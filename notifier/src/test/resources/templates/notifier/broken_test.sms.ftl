Hello ${name_that_is_never_given}
