namespace Dyad.Tests.Syntax;

/// <summary>A handful of CoNLL-U sentences written for these tests (not taken from any treebank).</summary>
internal static class TinyTreebank
{
    public const string English = """
        1	Rebels	rebel	NOUN	NNS	Number=Plur	2	nsubj	_	_
        2	shelled	shell	VERB	VBD	Tense=Past	0	root	_	_
        3	the	the	DET	DT	_	4	det	_	_
        4	town	town	NOUN	NN	Number=Sing	2	obj	_	SpaceAfter=No
        5	.	.	PUNCT	.	_	2	punct	_	_

        1	The	the	DET	DT	_	2	det	_	_
        2	army	army	NOUN	NN	Number=Sing	3	nsubj	_	_
        3	attacked	attack	VERB	VBD	Tense=Past	0	root	_	_
        4	a	a	DET	DT	_	5	det	_	_
        5	village	village	NOUN	NN	Number=Sing	3	obj	_	SpaceAfter=No
        6	.	.	PUNCT	.	_	3	punct	_	_

        1	The	the	DET	DT	_	2	det	_	_
        2	town	town	NOUN	NN	Number=Sing	4	nsubj:pass	_	_
        3	was	be	AUX	VBD	Tense=Past	4	aux:pass	_	_
        4	shelled	shell	VERB	VBN	VerbForm=Part	0	root	_	_
        5	by	by	ADP	IN	_	6	case	_	_
        6	rebels	rebel	NOUN	NNS	Number=Plur	4	obl:agent	_	SpaceAfter=No
        7	.	.	PUNCT	.	_	4	punct	_	_

        1	Soldiers	soldier	NOUN	NNS	Number=Plur	2	nsubj	_	_
        2	fired	fire	VERB	VBD	Tense=Past	0	root	_	_
        3	on	on	ADP	IN	_	5	case	_	_
        4	the	the	DET	DT	_	5	det	_	_
        5	crowd	crowd	NOUN	NN	Number=Sing	2	obl	_	SpaceAfter=No
        6	.	.	PUNCT	.	_	2	punct	_	_

        1	They	they	PRON	PRP	Case=Nom	2	nsubj	_	_
        2	denied	deny	VERB	VBD	Tense=Past	0	root	_	_
        3	the	the	DET	DT	_	4	det	_	_
        4	reports	report	NOUN	NNS	Number=Plur	2	obj	_	SpaceAfter=No
        5	.	.	PUNCT	.	_	2	punct	_	_

        """;
}
