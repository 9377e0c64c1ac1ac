  /* ------------------------------------------------------------ type: truefalse */

  /* Two radio buttons, values "true" and "false": the default behaviour of a question
     answered with its options, as it is. */
  questionType(["truefalse"], {});
